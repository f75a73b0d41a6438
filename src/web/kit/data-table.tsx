import { Table } from "@mantine/core";
import type { ReactNode } from "react";

/** A list as a table: column headers, then one row of cells per item; scrolls sideways when narrow. */
export function DataTable(props: {
  minWidth: number;
  headers: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <Table.ScrollContainer minWidth={props.minWidth}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            {props.headers.map((header) => (
              <Table.Th key={header}>{header}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row) => (
            <Table.Tr key={row.key}>
              {row.cells.map((cell, index) => (
                // Cells are positional: the n-th belongs under the n-th header.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <Table.Td key={index}>{cell}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Terms as label/value rows (a job, an offer): row headers name each value for screen readers. */
export function TermsTable({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withTableBorder>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row" w="35%">
              {label}
            </Table.Th>
            <Table.Td style={{ whiteSpace: "pre-wrap" }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
