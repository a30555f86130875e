import { NotFoundMessage } from "@/components/shell/not-found-message";

// Outside the staff pages: the page's own main landmark.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-24">
      <NotFoundMessage />
    </main>
  );
}
