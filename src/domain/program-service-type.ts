import type { Program } from '../api/types';

/** The service type line in small caps: "EXPERIENCE MANAGER CLOUD" (AEMaaCS), "EXPERIENCE MANAGER" (AMS). */
export function programServiceType(program: Pick<Program, 'type'> | undefined): string {
  switch (program?.type) {
    case 'aem_cloud_service':
      return 'Experience Manager Cloud';
    case 'aem_managed_services':
      return 'Experience Manager';
    case 'media_library':
      return 'Media Library';
    default:
      return program?.type ?? '';
  }
}
