/** Types of block-dns.mjs. */
export declare function blockDns(): { attempts: string[]; restore(): void };
