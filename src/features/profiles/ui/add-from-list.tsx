import { Button, Group, Select } from "@mantine/core";
import { useState } from "react";

/**
 * Picks one more entry (a language, a task) for a list that holds each at most once: a select of
 * what is not listed yet and an add button. Rows keep their entry for life, so they key stably.
 */
export function AddFromList(props: {
  label: string;
  addLabel: string;
  options: { value: string; label: string }[];
  disabled?: boolean;
  onAdd: (value: string) => void;
}) {
  const [choice, setChoice] = useState<string | null>(null);
  const available = props.options.length > 0 && !props.disabled;
  const picked = props.options.find((option) => option.value === choice)?.value ?? null;
  return (
    <Group align="flex-end">
      <Select
        label={props.label}
        data={props.options}
        value={picked}
        onChange={setChoice}
        searchable
        disabled={!available}
      />
      <Button
        variant="outline"
        disabled={!available || picked === null}
        onClick={() => {
          if (picked === null) return;
          props.onAdd(picked);
          setChoice(null);
        }}
      >
        {props.addLabel}
      </Button>
    </Group>
  );
}
