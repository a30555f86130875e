import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldLabel, Input } from "@/components/ui/field";

// The pieces every filtered list page (the Notifications log, the audit trail) shares: a range
// of clinic days, Apply / Reset, what was wrong with the query string, and the paging links.
// Server components: the filters are a plain GET form, so they work before any script loads.

export function DayRangeFields({
  idPrefix,
  from,
  to,
  labels,
}: {
  idPrefix: string;
  from?: string;
  to?: string;
  labels: { from: string; to: string };
}) {
  return (
    <>
      <div>
        <FieldLabel htmlFor={`${idPrefix}-from`}>{labels.from}</FieldLabel>
        <Input id={`${idPrefix}-from`} name="from" type="date" defaultValue={from ?? ""} />
      </div>
      <div>
        <FieldLabel htmlFor={`${idPrefix}-to`}>{labels.to}</FieldLabel>
        <Input id={`${idPrefix}-to`} name="to" type="date" defaultValue={to ?? ""} />
      </div>
    </>
  );
}

export function FilterButtons({ resetHref, labels }: { resetHref: string; labels: { apply: string; reset: string } }) {
  return (
    <div className="flex items-end gap-2">
      <Button type="submit">{labels.apply}</Button>
      <Button asChild variant="ghost">
        <Link href={resetHref}>{labels.reset}</Link>
      </Button>
    </div>
  );
}

// problems: describeFieldErrors of the query's parse error, or null when it parsed.
export function InvalidQuery({ problems, className }: { problems: string | null; className?: string }) {
  return problems ? <Alert className={className}>{problems}</Alert> : null;
}

export function PagingLinks({
  firstHref,
  nextHref,
  paged,
  labels,
  className,
}: {
  firstHref: string;
  nextHref: string | null;
  paged: boolean;
  labels: { newest: string; older: string };
  className?: string;
}) {
  return (
    <div className={className ?? "flex gap-3"}>
      {paged ? (
        <Button asChild variant="secondary">
          <Link href={firstHref}>{labels.newest}</Link>
        </Button>
      ) : null}
      {nextHref ? (
        <Button asChild variant="secondary">
          <Link href={nextHref}>{labels.older}</Link>
        </Button>
      ) : null}
    </div>
  );
}
