import { MutationObserver, onlineManager } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient } from './query-client';

afterEach(() => {
  onlineManager.setOnline(true);
});

describe('createQueryClient', () => {
  it('runs saves and reads while the browser reports no network', async () => {
    onlineManager.setOnline(false);
    const client = createQueryClient();
    const save = new MutationObserver(client, { mutationFn: (value: number) => Promise.resolve(value * 2) });
    await expect(save.mutate(21)).resolves.toBe(42);
    await expect(
      client.fetchQuery({ queryKey: ['local'], queryFn: () => Promise.resolve('本地') }),
    ).resolves.toBe('本地');
  });
});
