'use client';
import type { EventName } from '@lit/react';

/**
 * A typed React event prop for a sessionkit event: the detail type comes from the element's
 * `GlobalEventHandlersEventMap` entry, so a wrapper needs nothing but the event's name.
 */
export const on = <Type extends keyof GlobalEventHandlersEventMap>(type: Type) =>
  type as EventName<GlobalEventHandlersEventMap[Type]>;
