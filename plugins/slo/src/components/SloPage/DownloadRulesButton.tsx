import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import { Button, Flex, Text } from '@backstage/ui';
import { errorMessage, sloApiRef } from '../../api';

export const RULES_FILE_NAME = 'slo-rules.yaml';

/** Hands `text` to the browser as a file download. */
function saveAs(text: string, fileName: string) {
  const url = URL.createObjectURL(
    new Blob([text], { type: 'application/yaml' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Downloads the Prometheus recording and alerting rules of every SLO. The
 * request goes through the fetch API, so it carries the user's token like
 * any other call to the backend.
 */
export function DownloadRulesButton() {
  const sloApi = useApi(sloApiRef);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Error>();
  const download = async () => {
    setPending(true);
    setError(undefined);
    try {
      saveAs(await sloApi.getRules(), RULES_FILE_NAME);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setPending(false);
    }
  };
  return (
    <Flex align="center" gap="2">
      {error && (
        <Text as="span" variant="body-small" color="danger" role="alert">
          Could not download the rules: {errorMessage(error)}
        </Text>
      )}
      <Button
        size="small"
        variant="secondary"
        onPress={download}
        isPending={pending}
      >
        Download Prometheus rules
      </Button>
    </Flex>
  );
}
