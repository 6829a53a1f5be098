// Cold start of our client: import the package entry (argv[2]) and make one Get (argv[3] = origin).
const [entry, origin] = process.argv.slice(2);
const { createTapClient } = await import(entry);
const tap = createTapClient({ baseUrl: `${origin}/v1.0`, credential: "bench-token", retry: false });
const { data, error } = await tap.get({
  user: "5c6f4b9e-3c1a-4f43-9d8b-6a0f2c1e7d01",
  id: "42cf61da-0b54-4b61-b6cd-362343f41a0e",
});
if (!data) throw new Error(`no data: ${JSON.stringify(error)}`);
console.log(`OK ${data.id}`);
