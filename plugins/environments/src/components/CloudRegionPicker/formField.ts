import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { CloudRegionPicker } from './CloudRegionPicker';
import { cloudRegionValidation } from './regionField';

/** The `CloudRegion` field (`ui:field: CloudRegion`) for the scaffolder form. */
export const cloudRegionFormField = createFormField({
  name: 'CloudRegion',
  component: CloudRegionPicker,
  validation: cloudRegionValidation,
});
