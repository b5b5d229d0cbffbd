/** The title bar of every screen: product, version, practice mode, and the technical-view switch. */
import { Switch } from '@fluentui/react-components';

/** Props of the app header. */
export interface AppHeaderProps {
  technical: boolean;
  onTechnical: (on: boolean) => void;
  /** The simulated practice machine: said in the title bar, so nobody mistakes it for the real computer. */
  practice: boolean;
  version: string;
}

/** The banner landmark: product name and the technical-view switch. */
export function AppHeader({ technical, onTechnical, practice, version }: AppHeaderProps) {
  return (
    <header className="app-header">
      <p className="app-title">
        DirectAccess Doctor <span className="app-version">{version}</span>
        {practice && <span className="practice-tag">Practice mode: simulated computer</span>}
      </p>
      <Switch label="Technical view" checked={technical} onChange={(_, d) => onTechnical(d.checked)} />
    </header>
  );
}
