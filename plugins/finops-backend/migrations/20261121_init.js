// @ts-check

/**
 * Ingested FOCUS cost exports and their charges, aggregated per day.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_files', table => {
    table.comment('One row per ingested FOCUS export (file path or URL)');
    table.string('key', 1024).primary().notNullable();
    table.string('sha256', 64).notNullable();
    table.string('focus_version', 16).notNullable();
    table.integer('rows_read').notNullable();
    table.integer('rows_ingested').notNullable();
    table
      .text('problems')
      .notNullable()
      .comment('The first 100 CostProblems of the file, as JSON');
    table.string('ingested_at', 40).notNullable();
  });

  await knex.schema.createTable('cost_daily', table => {
    table.comment('Charges of the FOCUS exports, summed per day and dimension');
    table.string('file_key', 1024).notNullable().index();
    table.string('date', 10).notNullable().index().comment('YYYY-MM-DD (UTC)');
    table.string('provider', 64).notNullable();
    table.text('billing_account_id').nullable();
    table.text('sub_account_id').nullable();
    table.string('region', 255).nullable();
    table.text('service_category').nullable();
    table.text('service_name').nullable();
    table.string('charge_category', 32).notNullable();
    table
      .string('environment', 255)
      .nullable()
      .index()
      .comment('Environment of environments.yaml; null when unattributed');
    table.text('entity_ref').nullable();
    table.string('currency', 16).notNullable();
    table.decimal('billed_cost', 20, 6).notNullable();
    table.decimal('effective_cost', 20, 6).notNullable();
    table.integer('row_count').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_daily');
  await knex.schema.dropTable('cost_files');
};
