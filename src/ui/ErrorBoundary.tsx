/**
 * Keeps a failure in one part of the page (a chart that throws while mounting, say) from
 * unmounting the whole app: that part shows the message instead, the rest keeps working.
 */

import { Component, type ReactNode } from 'react';
import { errorMessage } from '../shared/errorMessage';

interface Props {
  /** What failed, for the message: "The price chart". */
  what: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { message: string | null }> {
  override state = { message: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { message: errorMessage(error) };
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <p role="alert" className="rounded border border-rose-500 p-3 text-sm text-rose-100">
        {this.props.what} could not be shown: {this.state.message}
      </p>
    );
  }
}
