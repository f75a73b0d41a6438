import { defineFeature } from "../../server/feature.ts";
import { createRoomsService, type RoomsService } from "./rooms.ts";
import { refOf } from "./schema.ts";

export const callsFeature = defineFeature({
  name: "calls",
  // One room service; each kind of room's door is contributed by its feature (interviews, contracts).
  services: ({ db, config, deliverLive, contributions }) => ({
    rooms: createRoomsService(db, {
      iceServers: config.iceServers,
      doors: contributions.doors,
      deliver: deliverLive,
    }),
  }),
  // Per socket: its signalling keeps the rooms' answers for its next frames.
  frames: ({ rooms }: { rooms: RoomsService }) => ({
    "rtc.signal": (actor) => {
      const signalling = rooms.signaller(actor);
      return { frame: (frame) => signalling.signal(refOf(frame), frame.signal), close: signalling.close };
    },
  }),
});
