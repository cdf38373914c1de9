import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import {
  createLocalUser,
  listLocalUsers,
  type LocalUserRegistry,
  type LocalUser,
} from './local-user-registry';

const USERS_KEY = ['session', 'localUsers'] as const;

export function useLocalUsers(registry: LocalUserRegistry) {
  return useQuery({ queryKey: USERS_KEY, queryFn: () => listLocalUsers(registry) });
}

export function useCreateLocalUser(registry: LocalUserRegistry): (name: string) => Promise<LocalUser> {
  const queryClient = useQueryClient();
  return useCallback(
    async (name: string) => {
      const user = await createLocalUser(registry, name, Date.now());
      await queryClient.invalidateQueries({ queryKey: USERS_KEY });
      return user;
    },
    [registry, queryClient],
  );
}
