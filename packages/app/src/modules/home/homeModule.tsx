import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { MarkdownContent } from '@backstage/core-components';

const content = `
## Multi-cloud Fleet Portal

One fleet, one file: every environment of \`config/environments.yaml\`
(the admin region, the workload regions on Azure, AWS, GCP, IBM Cloud and
Oracle Cloud, and the on-premises Azure Stack HCI and vSphere sites) is a
catalog entity here.

- **Find an environment or a service** in the [Catalog](/)
- **Change the fleet** with a [Software Template](/create): every change is
  a reviewed pull request to \`environments.yaml\`
`;

const gettingStartedWidget = HomePageWidgetBlueprint.make({
  name: 'getting-started',
  params: {
    name: 'GettingStarted',
    title: 'Getting Started',
    description: 'What the portal shows and where to start',
    components: async () => ({
      Content: () => <MarkdownContent content={content} />,
    }),
  },
});

export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [gettingStartedWidget],
});
