import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The views render many charts in jsdom; on a loaded CI machine the first
// paint can take longer than the default second of findBy* queries.
configure({ asyncUtilTimeout: 10_000 });
