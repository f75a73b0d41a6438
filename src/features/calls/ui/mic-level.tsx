import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import classes from "./room.module.css";

/** How loud the microphone is (0–100), measured about ten times a second. */
function useMicLevel(track: MediaStreamTrack | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!track || typeof AudioContext === "undefined") return;
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const rms = Math.sqrt(sum / samples.length);
      // Speech sits around 0.02–0.3 RMS; a square root spreads that over the bar.
      setLevel(Math.min(100, Math.round(Math.sqrt(rms) * 180)));
    }, 100);
    return () => {
      clearInterval(timer);
      source.disconnect();
      void context.close();
    };
  }, [track]);
  return track ? level : 0;
}

export function MicLevel({ track }: { track: MediaStreamTrack | null }) {
  const { t } = useTranslation();
  const level = useMicLevel(track);
  return (
    <meter
      className={classes.meter}
      aria-label={t("room.prejoin.level")}
      min={0}
      max={100}
      low={5}
      high={90}
      optimum={50}
      value={level}
    >
      {level} %
    </meter>
  );
}
