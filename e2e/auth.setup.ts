import { test as setup } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, OWNER_STATE, signIn } from './support/accounts';

/** Sign in once as the demo owner and keep the session for specs that need it. */
setup('[SETUP] sign in as the demo owner', async ({ page }) => {
  await signIn(page, DEMO.owner, DEMO_PASSWORD);
  await page.context().storageState({ path: OWNER_STATE });
});
