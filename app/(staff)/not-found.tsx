import { NotFoundMessage } from "@/components/shell/not-found-message";

// Inside the staff pages (a record that is not this clinic's): within the layout's main.
export default function StaffNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16">
      <NotFoundMessage />
    </div>
  );
}
