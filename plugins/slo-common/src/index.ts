/**
 * SLO model of the multi-cloud fleet suite.
 *
 * @packageDocumentation
 */
export * from './api';
