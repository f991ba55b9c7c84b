/**
 * The one permission a page may have: the app's own page may show notifications (an export or a
 * publish finished while the window was in the background). Everything else — camera, location,
 * clipboard reads, any other origin — is refused.
 */
export function permissionAllowed(permission: string, requestingOrigin: string, appOrigin: string): boolean {
  return permission === 'notifications' && requestingOrigin === appOrigin;
}
