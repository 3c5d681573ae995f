// @ts-check

/**
 * In-cluster costs from OpenCost, per day, environment, namespace and
 * workload; every ingested source (FOCUS export or OpenCost endpoint) says
 * which kind it is.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_files', table => {
    table
      .string('kind', 16)
      .notNullable()
      .defaultTo('focus')
      .comment('focus: a FOCUS export; opencost: the OpenCost of a cluster');
  });
  await knex.schema.alterTable('cost_files', table => {
    // An OpenCost source has no FOCUS version.
    table.string('focus_version', 16).nullable().alter();
  });

  await knex.schema.createTable('opencost_daily', table => {
    table.comment(
      'In-cluster cost allocated by OpenCost, per day, namespace and workload',
    );
    table
      .string('source_key', 1024)
      .notNullable()
      .index()
      .comment('Key of the source in cost_files');
    table.string('date', 10).notNullable().index().comment('YYYY-MM-DD (UTC)');
    table
      .string('environment', 255)
      .notNullable()
      .index()
      .comment('Environment of environments.yaml whose cluster this is');
    table
      .string('cluster', 255)
      .nullable()
      .comment('Cluster id as OpenCost reports it');
    table.string('namespace', 255).notNullable();
    table
      .string('controller_kind', 64)
      .nullable()
      .comment('deployment, statefulset, ...; null for pods without one');
    table.string('controller', 255).nullable();
    table.text('entity_ref').nullable();
    table.string('currency', 16).notNullable();
    table.decimal('cpu_cost', 20, 6).notNullable();
    table.decimal('gpu_cost', 20, 6).notNullable();
    table.decimal('ram_cost', 20, 6).notNullable();
    table.decimal('pv_cost', 20, 6).notNullable();
    table.decimal('network_cost', 20, 6).notNullable();
    table.decimal('load_balancer_cost', 20, 6).notNullable();
    table.decimal('shared_cost', 20, 6).notNullable();
    table.decimal('external_cost', 20, 6).notNullable();
    table.decimal('total_cost', 20, 6).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('opencost_daily');
  await knex('cost_files').where({ kind: 'opencost' }).delete();
  await knex.schema.alterTable('cost_files', table => {
    table.string('focus_version', 16).notNullable().alter();
  });
  await knex.schema.alterTable('cost_files', table => {
    table.dropColumn('kind');
  });
};
