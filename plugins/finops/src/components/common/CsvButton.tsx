import { Button } from '@backstage/ui';
import { downloadCsv } from '../../lib/csv';

/** Downloads what the section shows as CSV; disabled while there is nothing. */
export function CsvButton(props: {
  filename: string;
  /** Built on click, from what is on screen. */
  csv: (() => string) | undefined;
  /** For screen readers: what is downloaded. */
  label?: string;
  /** The visible text, when a section has more than one download. */
  text?: string;
}) {
  const { filename, csv, label, text = 'CSV' } = props;
  return (
    <Button
      size="small"
      variant="secondary"
      isDisabled={!csv}
      aria-label={label ?? `Download ${filename}`}
      onPress={() => {
        if (csv) downloadCsv(filename, csv());
      }}
    >
      {text}
    </Button>
  );
}
