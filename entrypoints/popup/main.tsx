import { render } from 'preact';

render(<main>勾稽</main>, document.getElementById('app')!);
