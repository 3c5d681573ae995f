// @ts-check

/**
 * Costs with twelve decimals: exports write charges of a few millionths of
 * a cent (0.0000004 for one queue request), and a day of them summed to six
 * decimals came out as zero. SQLite keeps its numbers as doubles whatever
 * the declared precision, so only the other databases change.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (/sqlite/i.test(String(knex.client.config.client))) {
    return;
  }
  await knex.schema.alterTable('cost_daily', table => {
    table.decimal('billed_cost', 30, 12).notNullable().alter();
    table.decimal('effective_cost', 30, 12).notNullable().alter();
  });
  await knex.schema.alterTable('opencost_daily', table => {
    for (const column of [
      'cpu_cost',
      'gpu_cost',
      'ram_cost',
      'pv_cost',
      'network_cost',
      'load_balancer_cost',
      'shared_cost',
      'external_cost',
      'total_cost',
    ]) {
      table.decimal(column, 30, 12).notNullable().alter();
    }
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  if (/sqlite/i.test(String(knex.client.config.client))) {
    return;
  }
  await knex.schema.alterTable('cost_daily', table => {
    table.decimal('billed_cost', 20, 6).notNullable().alter();
    table.decimal('effective_cost', 20, 6).notNullable().alter();
  });
  await knex.schema.alterTable('opencost_daily', table => {
    for (const column of [
      'cpu_cost',
      'gpu_cost',
      'ram_cost',
      'pv_cost',
      'network_cost',
      'load_balancer_cost',
      'shared_cost',
      'external_cost',
      'total_cost',
    ]) {
      table.decimal(column, 20, 6).notNullable().alter();
    }
  });
};
