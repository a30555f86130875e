"use client";

import { Printer } from "lucide-react";
import { Button } from "@/components/ui/button";

// The browser's own print dialog: the print stylesheet leaves the day list alone on the page.
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      <Printer className="size-4" aria-hidden /> {label}
    </Button>
  );
}
