import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { Authorized, isUuid, pageRequest, requireUser, codedError } from '@hotline/service-kit';
import { CLUSTER_KIND_LABELS, CLUSTER_KINDS, ClusterKind, SUPERVISION_ERRORS } from '@hotline/contracts';
import type { SupervisionContext } from '../context';
import { CaseNode } from '../graphql-types';
import { ReplyScript } from '../scripts/reply-script.entity';
import { ReplyScriptNode, scriptNodes } from '../scripts/scripts.resolver';
import { Cluster, ClusterMember } from './cluster.entity';
import { clusterThresholds, setClusterThresholds } from './cluster-store';
import { urgeCluster } from './urge-cluster';

type Ctx = SupervisionContext;

export const ClusterKindEnum = Object.fromEntries(CLUSTER_KINDS.map((k) => [k, k])) as Record<ClusterKind, ClusterKind>;
registerEnumType(ClusterKindEnum, { name: 'ClusterKind', description: '聚类类型：burst 爆发性 | group 群体性' });

@ObjectType('Cluster', { description: '聚类（爆发性或群体性诉求）' })
class ClusterNode {
  @Field(() => ID) id!: string;
  @Field(() => ClusterKindEnum) kind!: ClusterKind;
  @Field(() => String) kindLabel!: string;
  @Field(() => String, { description: '问题类型' }) topic!: string;
  @Field(() => String, { description: '项目或社区' }) place!: string;
  @Field(() => String, { nullable: true }) projectName!: string | null;
  @Field(() => String, { nullable: true, description: '社区' }) community!: string | null;
  @Field(() => Int) caseCount!: number;
  @Field(() => Int, { description: '不同来电人数（按来电人键计）' }) callerCount!: number;
  @Field(() => Date) firstCaseAt!: Date;
  @Field(() => Date) lastCaseAt!: Date;
  @Field(() => Date) detectedAt!: Date;
}

@ObjectType('ClusterPage')
class ClusterPage {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [ClusterNode]) items!: ClusterNode[];
}

@ObjectType('ClusterCasePage', { description: '聚类中的工单，分页，按受理时间' })
class ClusterCasePage {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [CaseNode]) items!: CaseNode[];
}

@ObjectType('ClusterDetail', { description: '聚类页：聚类、其工单（分页）与适用的答复口径' })
class ClusterDetail {
  @Field(() => ClusterNode) cluster!: ClusterNode;
  @Field(() => ClusterCasePage) cases!: ClusterCasePage;
  @Field(() => [ReplyScriptNode], { description: '该聚类的答复口径' }) scripts!: ReplyScriptNode[];
}

@ObjectType('ClusterThresholds', { description: '聚类阈值（默认值待确认）' })
class ClusterThresholdsNode {
  @Field(() => Int, { description: '爆发性：时间窗口内同一项目/社区同一问题的件数' }) burstMinCases!: number;
  @Field(() => Int, { description: '爆发性时间窗口（小时）' }) burstWindowHours!: number;
  @Field(() => Int, { description: '群体性：时间窗口内不同来电人数' }) groupMinCallers!: number;
  @Field(() => Int, { description: '群体性时间窗口（小时）' }) groupWindowHours!: number;
  @Field(() => Date, { nullable: true, description: '最近修改时间；为空表示使用默认值（待确认）' }) updatedAt!: Date | null;
  @Field(() => String, { nullable: true }) updatedBy!: string | null;
}

@InputType('ClusterThresholdsInput')
class ClusterThresholdsInput {
  @Field(() => Int) burstMinCases!: number;
  @Field(() => Int) burstWindowHours!: number;
  @Field(() => Int) groupMinCallers!: number;
  @Field(() => Int) groupWindowHours!: number;
}

@InputType('UrgeClusterInput', { description: '聚类督办：催办聚类中每件在办工单的主办科室' })
class UrgeClusterInput {
  @Field(() => ID) clusterId!: string;
  @Field(() => String) note!: string;
}

const node = (c: Cluster): ClusterNode => ({
  id: c.id,
  kind: c.kind,
  kindLabel: CLUSTER_KIND_LABELS[c.kind],
  topic: c.topic,
  place: c.place,
  projectName: c.projectName ?? null,
  community: c.community ?? null,
  caseCount: c.caseCount,
  callerCount: c.callerCount,
  firstCaseAt: c.firstCaseAt,
  lastCaseAt: c.lastCaseAt,
  detectedAt: c.detectedAt,
});

@Resolver()
export class ClustersResolver {
  @Authorized(['supervisor', 'leader', 'admin', 'duty'])
  @Query(() => ClusterPage, { description: '聚类列表，分页，最近有新工单的在前' })
  async clusters(
    @Arg('kind', () => ClusterKindEnum, { nullable: true }) kind: ClusterKind | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: Ctx,
  ): Promise<ClusterPage> {
    const page = pageRequest(offset, limit);
    const [rows, total] = await ctx.em.findAndCount(Cluster, kind ? { kind } : {}, {
      orderBy: { lastCaseAt: 'desc', id: 'asc' },
      offset: page.offset,
      limit: page.limit,
    });
    return { ...page, total, items: rows.map(node) };
  }

  @Authorized(['supervisor', 'leader', 'admin', 'duty'])
  @Query(() => ClusterDetail, { description: '聚类页：全部工单（分页）与该聚类的答复口径' })
  async cluster(
    @Arg('id', () => ID) id: string,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: Ctx,
  ): Promise<ClusterDetail> {
    const c = isUuid(id) ? await ctx.em.findOne(Cluster, { id }) : null;
    if (!c) throw codedError(SUPERVISION_ERRORS.CLUSTER_NOT_FOUND);
    const page = pageRequest(offset, limit);
    const [members, total] = await ctx.em.findAndCount(
      ClusterMember,
      { clusterId: c.id },
      { orderBy: { receivedAt: 'asc', caseId: 'asc' }, offset: page.offset, limit: page.limit },
    );
    const scripts = await ctx.em.find(ReplyScript, { scope: 'cluster', scopeKey: c.id }, { orderBy: { createdAt: 'desc' } });
    return { cluster: node(c), cases: { ...page, total, items: members.map((m) => ({ id: m.caseId })) }, scripts: await scriptNodes(ctx, scripts) };
  }

  @Authorized(['supervisor', 'admin'])
  @Query(() => ClusterThresholdsNode, { description: '聚类阈值' })
  clusterThresholds(@Ctx() ctx: Ctx): Promise<ClusterThresholdsNode> {
    return clusterThresholds(ctx.em);
  }

  @Authorized(['admin'])
  @Mutation(() => ClusterThresholdsNode, { description: '设置聚类阈值（系统管理员；对此后受理的工单生效）' })
  async setClusterThresholds(@Arg('input', () => ClusterThresholdsInput) input: ClusterThresholdsInput, @Ctx() ctx: Ctx): Promise<ClusterThresholdsNode> {
    await setClusterThresholds(ctx.em, requireUser(ctx), { ...input });
    return clusterThresholds(ctx.em.fork());
  }

  @Authorized(['supervisor'])
  @Mutation(() => Int, { description: '聚类督办：一次催办聚类中全部在办工单的主办科室，返回催办的工单数' })
  urgeCluster(@Arg('input', () => UrgeClusterInput) input: UrgeClusterInput, @Ctx() ctx: Ctx): Promise<number> {
    return urgeCluster(ctx.em, requireUser(ctx), { ...input });
  }
}
