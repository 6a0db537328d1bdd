/**
 * S18: the notice under every view with photos or videos (a post, a timeline card, a photo page,
 * a conversation with photos). Rights stay with the school and nothing leaves Schoolpost; who
 * the pictures are for follows where they were shared.
 */
export function getMediaNotice({
  audience,
}: {
  audience: 'school' | 'groups' | 'conversation'
}): string {
  if (audience === 'conversation')
    return "Foto's en video's in dit gesprek zijn alleen voor jullie. Deel ze niet buiten Schoolpost."
  const forWhom = audience === 'groups' ? 'ouders van deze groep' : 'ouders van onze school'
  return `Foto's en video's zijn alleen voor ${forWhom}. Deel ze niet buiten Schoolpost.`
}
