import SvgIcon, { type SvgIconProps } from '@material-ui/core/SvgIcon';

/** Three clusters joined up: the fleet, in the sidebar and the page header. */
export function FleetIcon(props: SvgIconProps) {
  return (
    <SvgIcon {...props}>
      <path
        d="M12 7.5 6 16.5M12 7.5l6 9M6 16.5h12"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.6}
      />
      <circle cx={12} cy={6} r={3.2} />
      <circle cx={5.5} cy={17.5} r={3.2} />
      <circle cx={18.5} cy={17.5} r={3.2} />
    </SvgIcon>
  );
}
