import { Component, type ReactNode } from 'react';

/**
 * Shows `fallback` instead of a chart that failed to load or to draw (a lost chunk, a browser
 * without what the chart library needs): the figures stay readable in their table.
 */
export class ChartBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
