import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// `findBy…` waits 1 s by default; the first render of a page (design-react-kit
// and urql warming up) took longer on a 2-core CI machine busy with a cargo
// build. A failure still fails, only later.
configure({ asyncUtilTimeout: 4_000 });
