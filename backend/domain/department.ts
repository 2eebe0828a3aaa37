/** A node of the organization tree; members of its supervisor group see its calls. */
export interface Department {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  costCenter: string | null;
  supervisorGroupId: string | null;
}
