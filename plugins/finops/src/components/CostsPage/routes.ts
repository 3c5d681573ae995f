import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Costs page. */
export const costsRouteRef = createRouteRef();
