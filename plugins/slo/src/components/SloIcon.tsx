import SvgIcon, { type SvgIconProps } from '@material-ui/core/SvgIcon';

/** A gauge: the sidebar icon of the SLO page. */
export function SloIcon(props: SvgIconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 4a10 10 0 0 0-10 10c0 2.2.7 4.2 1.9 5.9l1.6-1.2A8 8 0 1 1 20 14a7.9 7.9 0 0 1-1.5 4.7l1.6 1.2A10 10 0 0 0 12 4Z" />
      <path d="M13.4 15.4a2 2 0 1 1-2.8-2.8l5.6-4.2-2.8 7Z" />
    </SvgIcon>
  );
}
