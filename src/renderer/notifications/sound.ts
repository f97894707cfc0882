let context: AudioContext | null = null;

/** Browsers start audio only after a user gesture: the first click or key press unlocks it. */
export function unlockSoundOnGesture(): () => void {
  const unlock = () => {
    context ??= new AudioContext();
    void context.resume();
  };
  window.addEventListener('pointerdown', unlock, { once: true });
  window.addEventListener('keydown', unlock, { once: true });
  return () => {
    window.removeEventListener('pointerdown', unlock);
    window.removeEventListener('keydown', unlock);
  };
}

/** Two short rising tones: heard across a room, not alarming. */
export function playAlertSound(): void {
  if (!context || context.state !== 'running') return;
  const start = context.currentTime;
  for (const [i, freq] of [880, 1175].entries()) {
    const osc = context.createOscillator();
    const gain = context.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const at = start + i * 0.22;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.2);
    osc.connect(gain).connect(context.destination);
    osc.start(at);
    osc.stop(at + 0.21);
  }
}
