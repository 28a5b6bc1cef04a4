import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';

/** Keeps the shell usable when a page fails to render; resets when the address changes. */
export class ErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, { error: Error | null; key: string }> {
  override state = { error: null as Error | null, key: this.props.resetKey };

  static getDerivedStateFromError(error: Error) { return { error }; }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { error: Error | null; key: string }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Alert color="red" title="This page could not be shown" role="alert">
        {this.state.error.message}
        <div><Button mt="sm" size="xs" variant="default" onClick={() => this.setState({ error: null })}>Try again</Button></div>
      </Alert>
    );
  }
}
