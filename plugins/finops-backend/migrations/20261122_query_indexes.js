// @ts-check

/**
 * An index that answers the cost queries by environment from the index
 * alone: the rows of a range of days in order of day, environment and
 * currency, with both cost columns. It starts with the day, so it also
 * serves every lookup by day, and replaces the index on the day alone.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cost_daily', table => {
    table.index(
      ['date', 'environment', 'currency', 'effective_cost', 'billed_cost'],
      'cost_daily_by_day_environment_index',
    );
  });
  await knex.schema.alterTable('cost_daily', table => {
    table.dropIndex(['date'], 'cost_daily_date_index');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cost_daily', table => {
    table.index(['date'], 'cost_daily_date_index');
  });
  await knex.schema.alterTable('cost_daily', table => {
    table.dropIndex(
      ['date', 'environment', 'currency', 'effective_cost', 'billed_cost'],
      'cost_daily_by_day_environment_index',
    );
  });
};
