import { useState } from 'react';
import { Button } from '@backstage/ui';

/**
 * The first `limit` items, and a button to show them all: long lists
 * (sources, anomalies) must not push the rest of the page away.
 */
export function useShowAll<T>(items: T[], limit: number) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, limit);
  const toggle =
    items.length > limit ? (
      <div>
        <Button size="small" variant="tertiary" onPress={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${items.length}`}
        </Button>
      </div>
    ) : null;
  return { shown, toggle };
}
