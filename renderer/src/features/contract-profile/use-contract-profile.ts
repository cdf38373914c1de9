import { useQuery } from '@tanstack/react-query';
import type { SubsystemDisplay } from '@core/profile';

export interface ContractOverview {
  readonly contractName: string;
  readonly purchaser: string;
  readonly profileId: string;
  readonly profileVersion: number;
  readonly budgetTotal: number;
  readonly subsystems: readonly SubsystemDisplay[];
}

/**
 * The contract profile in force. For now that is the profile shipped with the app; once sync exists it
 * is the one HQ publishes. Loaded as its own chunk: the tender data and its schema are not needed to
 * paint the frame.
 */
async function loadContractOverview(): Promise<ContractOverview> {
  const { describeSubsystems, loadDefaultProfile } = await import('@core/profile');
  const profile = loadDefaultProfile();
  return {
    contractName: profile.contract.name,
    purchaser: profile.contract.purchaser,
    profileId: profile.profileId,
    profileVersion: profile.profileVersion,
    budgetTotal: profile.contract.budgetTotal,
    subsystems: describeSubsystems(profile),
  };
}

export function useContractProfile() {
  return useQuery({ queryKey: ['contract-profile', 'default'], queryFn: loadContractOverview });
}
