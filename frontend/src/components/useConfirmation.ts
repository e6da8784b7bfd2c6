import { useState } from 'react';
import type { useForm } from './useForm';

/**
 * A form for a formal act: "Registra" first shows what will be recorded
 * (`confirming`), and only the confirmation sends it. `field` is the form's
 * own, except that any change to what would be recorded asks for the
 * confirmation again.
 */
export function useConfirmation<F extends string>(form: ReturnType<typeof useForm<F>>) {
  const [confirming, setConfirming] = useState(false);
  const field = (name: F) => {
    const props = form.field(name);
    return {
      ...props,
      onChange: (value: string) => {
        setConfirming(false);
        props.onChange(value);
      },
    };
  };
  return { confirming, setConfirming, field };
}
