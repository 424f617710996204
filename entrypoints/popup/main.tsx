import { render } from 'preact';

render(<p>OGI Lens</p>, document.getElementById('app') as HTMLElement);
