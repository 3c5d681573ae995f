export {
  PrometheusNotice,
  PROMETHEUS_CONFIG_EXAMPLE,
} from './PrometheusNotice';
