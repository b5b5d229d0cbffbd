/** The title bar of every screen, with the technical-view switch. */

/** Props of the app header. */
export interface AppHeaderProps {
  technical: boolean;
  onTechnical: (on: boolean) => void;
}

/** The banner landmark: product name and the technical-view switch. */
export function AppHeader({ technical, onTechnical }: AppHeaderProps) {
  return (
    <header className="app-header">
      <p className="app-title">DirectAccess Doctor</p>
      <label className="switch">
        <input type="checkbox" role="switch" checked={technical} onChange={(e) => onTechnical(e.target.checked)} />
        <span>Technical view</span>
      </label>
    </header>
  );
}
