import { useQuery } from "@tanstack/react-query";
import { useMe } from "../../../web/api/me.ts";
import { availabilityQuery } from "../../availability/ui/availability-api.ts";

/** The zone the viewer books in: their availability's (which defaults to the account's), else the account's. */
export function useViewerZone(): string {
  const { data: me } = useMe();
  const availability = useQuery(availabilityQuery);
  return availability.data?.timeZone ?? me?.timeZone ?? "Europe/Berlin";
}
