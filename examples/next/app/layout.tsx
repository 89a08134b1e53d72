// A Server Component (the default in the App Router): the provider goes here, around every page.
// sessionkit/react's modules are marked 'use client', so Next renders them from the server too.
import type { ReactNode } from 'react';
import { SessionProvider } from 'sessionkit/react';

export const metadata = { title: 'sessionkit on Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionProvider baseUrl="/api/auth" csrfHeader="x-csrf-token" csrfCookie="csrf">
          {children}
        </SessionProvider>
      </body>
    </html>
  );
}
