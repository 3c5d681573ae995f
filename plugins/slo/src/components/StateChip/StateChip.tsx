import type { CSSProperties } from 'react';
import { stateStyle } from '../../lib/slos';

export function StateDot(props: { state: string; size?: number }) {
  const { state, size = 10 } = props;
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        flexShrink: 0,
        width: size,
        height: size,
        borderRadius: '50%',
        background: stateStyle(state).color,
      }}
    />
  );
}

const CHIP: CSSProperties = {
  display: 'inline-flex',
  alignItems: 'center',
  gap: 6,
  padding: '2px 10px 2px 8px',
  borderRadius: 999,
  fontSize: '0.8125rem',
  fontWeight: 600,
  lineHeight: 1.5,
  whiteSpace: 'nowrap',
  color: 'var(--bui-fg-primary, inherit)',
};

/** The state of an SLO as a coloured chip. */
export function StateChip(props: { state: string }) {
  const { state } = props;
  const style = stateStyle(state);
  return (
    <span
      data-state={state}
      title={style.description}
      style={{
        ...CHIP,
        // 8-digit hex: the state's colour at about 18 % over the surface.
        background: `${style.color}2e`,
        border: `1px solid ${style.color}`,
      }}
    >
      <StateDot state={state} size={8} />
      {style.label}
    </span>
  );
}
