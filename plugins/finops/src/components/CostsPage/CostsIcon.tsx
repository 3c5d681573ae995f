import SvgIcon, { type SvgIconProps } from '@material-ui/core/SvgIcon';

/** A stack of coins, without a currency sign: costs come in several. */
export function CostsIcon(props: SvgIconProps) {
  return (
    <SvgIcon {...props}>
      <g fill="none" stroke="currentColor" strokeWidth={1.6}>
        <ellipse cx={12} cy={6} rx={7} ry={2.8} />
        <path d="M5 6v4c0 1.55 3.13 2.8 7 2.8s7-1.25 7-2.8V6" />
        <path d="M5 10v4c0 1.55 3.13 2.8 7 2.8s7-1.25 7-2.8v-4" />
        <path d="M5 14v4c0 1.55 3.13 2.8 7 2.8s7-1.25 7-2.8v-4" />
      </g>
    </SvgIcon>
  );
}
