/** Tells the learner, in plain words, when this browser will not keep their progress. */
import { useProgress } from './useProgress';

export default function StorageNotice({ message }: { message: string }) {
  const progress = useProgress();
  if (!progress || progress.available) return null;
  return (
    <p class="notice" role="status">
      {message}
    </p>
  );
}
