// @ts-check

/**
 * The last probe result of every cluster, shared by all backend replicas.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cluster_status', table => {
    table.comment('Last probe result of each cluster of environments.yaml');
    table.string('name', 255).primary().notNullable();
    table.text('status').notNullable().comment('ClusterStatus as JSON');
    table.string('checked_at', 40).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cluster_status');
};
