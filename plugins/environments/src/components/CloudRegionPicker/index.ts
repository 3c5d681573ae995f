export { CloudRegionPicker } from './CloudRegionPicker';
export {
  cloudRegionValidation,
  type CloudRegionPickerUiOptions,
} from './regionField';
export { cloudRegionFormField } from './formField';
