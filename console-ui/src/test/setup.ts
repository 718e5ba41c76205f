import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// The build machine is shared and often busy: give findBy*/waitFor more than the default 1 s to see a change.
configure({ asyncUtilTimeout: 5000 });
